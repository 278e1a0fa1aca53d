export * from './wave.ts';
export { programmeRepository, type ProgrammeRepository } from './programme.repository.ts';
export { programmeService, newLaInput, newWaveInput, type ProgrammeService, type WaveSummary, type NewWaveInput } from './programme.service.ts';
export * from './roles.ts';
export { auditLog, type AuditLog, type AuditEntry } from './audit.ts';
export { instanceSecret } from './settings.ts';
export { accountsRepository } from './staff/accounts.repository.ts';
export { sessionsRepository } from './staff/sessions.repository.ts';
export { accountsService, type AccountsService, type StaffSession } from './staff/accounts.service.ts';
