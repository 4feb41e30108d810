import * as migration_20261129_155136_initial from './20261129_155136_initial';

export const migrations = [
  {
    up: migration_20261129_155136_initial.up,
    down: migration_20261129_155136_initial.down,
    name: '20261129_155136_initial'
  },
];
