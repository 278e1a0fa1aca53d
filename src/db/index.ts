export { connect, migrate, openPostgres, openSqlite, type Connection } from './connect.ts';
export type { Database, Db, Dialect } from './schema.ts';
