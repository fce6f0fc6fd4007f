/** Collate: many organisations' returns into a sector dataset (docs/sector-format.md). */
export { collate, compareNewness, lineKey, orgKey, revise } from "./collate";
export { planSector, SectorTooLargeError, type SectorCell, type SectorPlan, type SectorTablePlan } from "./plan";
export { linesOf, readSignedOffOn, submissionFromSnapshot, unreadableSubmission } from "./submission";
export { parseCsv, parseRegisterRows, REGISTER_HEADERS, type RegisterRead } from "./register";
export { receiptFileNames, receipts, receiptText } from "./receipt";
export type * from "./types";
export { collationDrafts, type CollationDraft, type CollationDrafts, type DraftsOptions } from "./drafts";
export { BULLETIN_TITLE, planBulletin, publishableTotals } from "./bulletin";
export { feedbackFileName, feedbackFiles, feedbackOrganisations, planFeedback, type FeedbackOrganisation } from "./feedback";
export { DEFAULT_PUBLICATION, publicationRules, suppressed, type PublicationRules } from "./estimates";
export type { TablesPlan } from "./sector-table";
