/** Scheduled and background work with database leases, safe with many instances. */
export { createScheduler, type Job, type JobLog, type Scheduler, type SchedulerOptions } from './scheduler.ts';
export { jobsRepository, type JobRun, type RunStatus } from './jobs.repository.ts';
export { weekly, daily, hourly, zonedTime, UK_TIME_ZONE, WEEKDAYS, type Weekday, type ZonedTime } from './schedule.ts';
export { platformJobs } from './platform.ts';
