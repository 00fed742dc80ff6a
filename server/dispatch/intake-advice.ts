/**
 * What smart dispatch tells intake about a new report: the top three categories of the model in service (stored on
 * the case as `prediction`), the category to use when the reporter gave none and the model is sure enough, whether
 * that case may go on to automatic dispatch, and the open cases it probably repeats.
 */
import type { Deps } from '../platform/context.js';
import type { ClassifierSettings } from './classifier-settings.js';
import { findIntakeDuplicates, type IntakeDuplicate } from './intake-duplicates.js';
import { modelStoreOf } from './model-store.js';
import type { RankedCategory } from './model-store.js';

/** The `prediction` column of a case. */
export interface CasePrediction {
  modelVersion: number;
  kind: 'keywords' | 'trained';
  top: RankedCategory[];
  /** Open cases nearby that the report probably repeats, most similar first. */
  duplicates?: IntakeDuplicate[];
}

/** The advice, computed before intake's transaction. */
export interface IntakeAdvice {
  prediction: CasePrediction | null;
  /** The predicted category's code, when the reporter gave none and the top confidence reaches the threshold. */
  categoryCode: string | null;
  /** Whether a case whose category was predicted may be dispatched by rule without a person. */
  autoDispatch: boolean;
}

export interface IntakeReport {
  /** The id the case will have. */
  caseId: string;
  title?: string | null;
  description: string;
  /** True when the reporter chose a category: the prediction is still stored, for the dispatcher and for learning. */
  categoryGiven: boolean;
  lng?: number | null;
  lat?: number | null;
  gridId: string | null;
  areaPath: string;
  at: Date;
}

/**
 * Classifies a report and looks for the cases it repeats. A keyword share is not a probability (one keyword hit
 * gives 1.0), so the cold-start classifier may name the category but never dispatches on its own.
 */
export async function adviseIntake(deps: Pick<Deps, 'db' | 'bus' | 'grids'>, settings: ClassifierSettings, report: IntakeReport): Promise<IntakeAdvice> {
  try {
    return await advise(deps, settings, report);
  } catch (e) {
    // Smart dispatch only advises: a broken model version must never stop a report from being taken in.
    process.emitWarning(`smart dispatch advice failed: ${(e as Error).message}`, 'JicengDispatchWarning');
    return { prediction: null, categoryCode: null, autoDispatch: false };
  }
}

async function advise(deps: Pick<Deps, 'db' | 'bus' | 'grids'>, settings: ClassifierSettings, report: IntakeReport): Promise<IntakeAdvice> {
  const store = modelStoreOf(deps);
  const [ranked, duplicates] = await Promise.all([
    store.classify({ title: report.title ?? '', body: report.description }, 3),
    findIntakeDuplicates(deps, {
      caseId: report.caseId, text: `${report.title ?? ''} ${report.description}`, lng: report.lng ?? null, lat: report.lat ?? null,
      gridId: report.gridId, areaPath: report.areaPath, at: report.at,
    }),
  ]);
  if (!ranked) return { prediction: null, categoryCode: null, autoDispatch: false };
  const { model, top } = ranked;
  const prediction: CasePrediction = {
    modelVersion: model.version, kind: model.kind, top: top.map((p) => ({ ...p, confidence: Math.round(p.confidence * 10_000) / 10_000 })),
    ...(duplicates.length ? { duplicates } : {}),
  };
  // The admin's threshold is the floor; a version may ask for more.
  const threshold = Math.max(settings.minConfidence, model.minConfidence ?? 0);
  const best = top[0];
  const usable = !report.categoryGiven && !!best && best.confidence >= threshold && model.categories.byCode.get(best.code)?.active === true;
  return {
    prediction,
    categoryCode: usable ? best.code : null,
    autoDispatch: usable && settings.autoDispatch && model.kind === 'trained',
  };
}
