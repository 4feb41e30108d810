import * as migration_20261129_155136_initial from './20261129_155136_initial';
import * as migration_20261129_171042_pages_and_about from './20261129_171042_pages_and_about';
import * as migration_20261129_171552_search_index from './20261129_171552_search_index';
import * as migration_20261129_183628_editor_workflow from './20261129_183628_editor_workflow';
import * as migration_20261129_200438_story_list_index from './20261129_200438_story_list_index';
import * as migration_20261130_044439_account_audit from './20261130_044439_account_audit';

export const migrations = [
  {
    up: migration_20261129_155136_initial.up,
    down: migration_20261129_155136_initial.down,
    name: '20261129_155136_initial',
  },
  {
    up: migration_20261129_171042_pages_and_about.up,
    down: migration_20261129_171042_pages_and_about.down,
    name: '20261129_171042_pages_and_about',
  },
  {
    up: migration_20261129_171552_search_index.up,
    down: migration_20261129_171552_search_index.down,
    name: '20261129_171552_search_index',
  },
  {
    up: migration_20261129_183628_editor_workflow.up,
    down: migration_20261129_183628_editor_workflow.down,
    name: '20261129_183628_editor_workflow',
  },
  {
    up: migration_20261129_200438_story_list_index.up,
    down: migration_20261129_200438_story_list_index.down,
    name: '20261129_200438_story_list_index',
  },
  {
    up: migration_20261130_044439_account_audit.up,
    down: migration_20261130_044439_account_audit.down,
    name: '20261130_044439_account_audit'
  },
];
