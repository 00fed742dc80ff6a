/** A stored classifier version without its (large) model, as GET /api/dispatch/model lists it. */
export interface ModelVersionInfo {
  version: number;
  kind: 'keywords' | 'linear';
  createdAt: string;
  /** Labelled examples it was trained on. */
  trainedOn: number;
  metrics: Record<string, number> | null;
  active: boolean;
}
