import * as migration_20261129_155136_initial from './20261129_155136_initial';
import * as migration_20261129_171042_pages_and_about from './20261129_171042_pages_and_about';
import * as migration_20261129_171552_search_index from './20261129_171552_search_index';
import * as migration_20261129_183628_editor_workflow from './20261129_183628_editor_workflow';
import * as migration_20261129_200438_story_list_index from './20261129_200438_story_list_index';
import * as migration_20261130_044439_account_audit from './20261130_044439_account_audit';
import * as migration_20261130_082415_search_fts from './20261130_082415_search_fts';
import * as migration_20261130_082545_content_updated_at from './20261130_082545_content_updated_at';
import * as migration_20261130_150653_media_storage_fields from './20261130_150653_media_storage_fields';

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
    name: '20261130_044439_account_audit',
  },
  {
    up: migration_20261130_082415_search_fts.up,
    down: migration_20261130_082415_search_fts.down,
    name: '20261130_082415_search_fts',
  },
  {
    up: migration_20261130_082545_content_updated_at.up,
    down: migration_20261130_082545_content_updated_at.down,
    name: '20261130_082545_content_updated_at',
  },
  {
    up: migration_20261130_150653_media_storage_fields.up,
    down: migration_20261130_150653_media_storage_fields.down,
    name: '20261130_150653_media_storage_fields'
  },
];
