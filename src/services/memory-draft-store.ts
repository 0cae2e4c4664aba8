import { readDraft, summarizeDraft, type DamagedDraft, type Draft, type DraftSummary } from '../model/draft.js';
import { checkRevision, damagedOrNothing, type DraftListing, type DraftStore } from './draft-store.js';

/** Drafts kept in memory: for tests, and for when the browser will not store data. */
export class MemoryDraftStore implements DraftStore {
  readonly persistent = false;
  private readonly records = new Map<string, unknown>();

  /** Puts a raw record in place, as storage might hold it; for tests of damaged data. */
  putRaw(id: string, raw: unknown): void {
    this.records.set(id, structuredClone(raw));
  }

  async list(): Promise<DraftListing> {
    const listing: DraftListing = { drafts: [], damaged: [] };
    for (const [id, raw] of this.records) {
      const read = readDraft(raw);
      if ('draft' in read) listing.drafts.push(read.draft);
      else listing.damaged.push({ id, raw, problem: read.problem });
    }
    return listing;
  }

  async summaries(): Promise<DraftListing<DraftSummary>> {
    const listing = await this.list();
    return { drafts: listing.drafts.map(summarizeDraft), damaged: listing.damaged };
  }

  async get(id: string): Promise<Draft | undefined> {
    const read = readDraft(this.records.get(id));
    return 'draft' in read ? read.draft : undefined;
  }

  async damagedRecord(id: string): Promise<DamagedDraft | undefined> {
    return damagedOrNothing(id, this.records.get(id));
  }

  async save(draft: Draft, expectedRevision: number | undefined): Promise<void> {
    checkRevision(this.records.get(draft.assessment.id), expectedRevision);
    this.records.set(draft.assessment.id, structuredClone(draft));
  }

  async restore(drafts: Draft[]): Promise<void> {
    for (const draft of drafts) this.records.set(draft.assessment.id, structuredClone(draft));
  }

  async delete(id: string): Promise<void> {
    this.records.delete(id);
  }
}
