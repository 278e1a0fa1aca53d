/** Reading scanned paper forms: images decoded by content, pages located by their marks and QR code, boxes read. */
export { readScanFile, readGrey, pageProblemText, type FileOutcome, type PageOutcome, type PageProblem, type ReadPage } from './scan.ts';
export { decodeScan, sniff, toPng, LIMITS, imageProblemText, type Decoded, type ImageProblem, type ScanType } from './image.ts';
export { locatePage, readPage, classifyBox, decideQuestion, THRESHOLDS, type Grey, type Located, type PageReading, type QuestionReading, type BoxReading, type BoxState, type ReviewReason } from './reader.ts';
