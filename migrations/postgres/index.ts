import * as migration_20261129_155142_initial from './20261129_155142_initial';

export const migrations = [
  {
    up: migration_20261129_155142_initial.up,
    down: migration_20261129_155142_initial.down,
    name: '20261129_155142_initial'
  },
];
