export * from './wave.ts';
export { programmeRepository, type ProgrammeRepository } from './programme.repository.ts';
export { programmeService, newLaInput, newWaveInput, type ProgrammeService, type WaveSummary, type NewWaveInput } from './programme.service.ts';
