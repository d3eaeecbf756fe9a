import { Initial1764220000000 } from './1764220000000-Initial.js';

/** Every migration, oldest first. Listed explicitly so the app, the CLI and the tests agree. */
export const migrations = [Initial1764220000000];
