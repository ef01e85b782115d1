/**
 * The contract between training (which builds a persona version) and the
 * reply and test workers (which use one). A persona version is an immutable,
 * content-addressed snapshot in the BlobStore (`personaSnapshotBlobKey`);
 * `TrainingCompleted.snapshotKey` names it. The training worker writes it;
 * everybody else opens it through `PersonaRetriever` and never re-derives it.
 */
import type { PersonaCard } from '@bishop/domain';

/** A piece of the person's own words (a paragraph of a lecture, a turn in a chat…). */
export interface PersonaPassage {
  /** Stable: `<materialId>:<content hash>`, so a retrain keeps ids of unchanged text. */
  readonly id: string;
  readonly materialId: string;
  readonly text: string;
  readonly language: string | null;
  /** Where it was said in a recording, seconds (null for text). */
  readonly startSec: number | null;
  readonly endSec: number | null;
}

/** Someone's message and the person's real reply to it. */
export interface PersonaPair {
  readonly id: string;
  readonly materialId: string;
  readonly prompt: string;
  readonly reply: string;
}

/** One passage or pair that retrieval found, with its fused score (higher is closer). */
export interface Retrieved<T> {
  readonly item: T;
  readonly score: number;
  /** Cosine similarity to the query when dense retrieval ran and ranked it; how close it is in meaning. */
  readonly similarity?: number;
}

/**
 * Opens a persona version for replies and tests: hybrid retrieval (BM25 fused
 * with dense vectors when an embedder is installed) over the person's passages
 * and over the prompts of their dialogue pairs.
 */
export interface PersonaRetriever {
  readonly avatarId: string;
  readonly runId: string;
  readonly card: PersonaCard;
  /** Style profile (stylometrics) of the person's words; its shape is `StyleProfile` in the domain. */
  readonly style: unknown;
  /** What the person knows and said about the subject of `query`. */
  knowledge(query: string, limit: number): Promise<readonly Retrieved<PersonaPassage>[]>;
  /** The person's own replies to messages like `message` (style exemplars; the retrieval responder's answers). */
  exemplars(message: string, limit: number): Promise<readonly Retrieved<PersonaPair>[]>;
  /** Pairs kept out of training for the avatar test (deterministic per corpus). */
  readonly heldOut: readonly PersonaPair[];
}
