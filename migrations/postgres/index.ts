import * as migration_20261129_155142_initial from './20261129_155142_initial';
import * as migration_20261129_171047_pages_and_about from './20261129_171047_pages_and_about';
import * as migration_20261129_171601_search_index from './20261129_171601_search_index';
import * as migration_20261129_183708_editor_workflow from './20261129_183708_editor_workflow';
import * as migration_20261129_200443_story_list_index from './20261129_200443_story_list_index';
import * as migration_20261130_044452_account_audit from './20261130_044452_account_audit';

export const migrations = [
  {
    up: migration_20261129_155142_initial.up,
    down: migration_20261129_155142_initial.down,
    name: '20261129_155142_initial',
  },
  {
    up: migration_20261129_171047_pages_and_about.up,
    down: migration_20261129_171047_pages_and_about.down,
    name: '20261129_171047_pages_and_about',
  },
  {
    up: migration_20261129_171601_search_index.up,
    down: migration_20261129_171601_search_index.down,
    name: '20261129_171601_search_index',
  },
  {
    up: migration_20261129_183708_editor_workflow.up,
    down: migration_20261129_183708_editor_workflow.down,
    name: '20261129_183708_editor_workflow',
  },
  {
    up: migration_20261129_200443_story_list_index.up,
    down: migration_20261129_200443_story_list_index.down,
    name: '20261129_200443_story_list_index',
  },
  {
    up: migration_20261130_044452_account_audit.up,
    down: migration_20261130_044452_account_audit.down,
    name: '20261130_044452_account_audit'
  },
];
