/** Scanned paper forms (docs/paper.md, "Uploading and verifying scans"): upload, verification, storing. */
export { scansService, MAX_FILES, type ScansService, type ScanDeps, type UploadResult, type WaitingForm } from './scans.service.ts';
export { scansRoutes } from './scans.routes.ts';
