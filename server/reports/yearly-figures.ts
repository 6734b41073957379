/** Yearly figures (docs/domain.md §7) and the intake rate, computed from loaded events alone. Pure (test/unit/stacks/). */
import { roundM } from '../core/metres.js';
import type { Receipt } from './received-events.js';
import { FINAL_PROCESSING_STEP, type Appraisal, type Digitised, type WorkDone } from './work-events.js';
import type { ReadingYear } from '../reading-room/reading-reports.js';

export interface Metres { measured: number; estimated: number }

/** Everything the yearly figures are made of; each list comes from one kind of event. */
export interface YearlySources {
  receipts: Receipt[];
  appraisals: Appraisal[];
  digitised: Digitised[];
  work: WorkDone[];
  /** Reading-room figures per year (server/reading-room); absent = not loaded. */
  reading?: ReadingYear[];
}

export interface YearlyFigures {
  year: number;
  filesReceived: number;
  handoversReceived: number;
  agenciesDeposited: number;
  /** Kept apart (docs/domain.md §3): `measured` sums the receipts that were measured, `estimated` sums every receipt's estimate. */
  metresReceived: Metres;
  /** Distinct agencies whose handover was appraised in the year. */
  agenciesAppraised: number;
  pagesDigitised: number;
  /** Files and metres through the final processing step in the year. */
  processed: { files: number; metres: number };
  pagesRestored: number;
  /** Everything received (and digitised) up to the end of the year. */
  holdings: { files: number; agencies: number; metres: Metres; pagesDigitised: number };
  /** Readers served, request slips, files issued, SLA met / breached in the year (when the sources carry them). */
  readingRoom?: Omit<ReadingYear, 'year'>;
}

function totals(rs: Receipt[]) {
  return {
    files: rs.reduce((a, r) => a + r.filesReceived, 0),
    agencies: new Set(rs.filter((r) => r.agencyId != null).map((r) => r.agencyId)).size,
    metres: {
      measured: roundM(rs.reduce((a, r) => a + (r.metresMeasured ?? 0), 0)),
      estimated: roundM(rs.reduce((a, r) => a + r.metresEstimated, 0)),
    },
  };
}

const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

export function yearlyFigures(src: YearlySources, year: number): YearlyFigures {
  const inYear = src.receipts.filter((r) => r.year === year);
  const t = totals(inYear);
  const processed = src.work.filter((w) => w.year === year && w.kind === 'processing' && w.stepId === FINAL_PROCESSING_STEP);
  return {
    year,
    filesReceived: t.files,
    handoversReceived: inYear.length,
    agenciesDeposited: t.agencies,
    metresReceived: t.metres,
    agenciesAppraised: new Set(src.appraisals.filter((a) => a.year === year).map((a) => a.agencyId)).size,
    pagesDigitised: sum(src.digitised.filter((d) => d.year === year), (d) => d.pages),
    processed: { files: sum(processed, (w) => w.files), metres: roundM(sum(processed, (w) => w.metres)) },
    pagesRestored: sum(src.work.filter((w) => w.year === year && w.kind === 'restoration'), (w) => w.pages),
    holdings: { ...totals(src.receipts.filter((r) => r.year <= year)), pagesDigitised: sum(src.digitised.filter((d) => d.year <= year), (d) => d.pages) },
    readingRoom: src.reading ? readingOf(src.reading, year) : undefined,
  };
}

function readingOf(rows: ReadingYear[], year: number): Omit<ReadingYear, 'year'> {
  const { year: _y, ...r } = rows.find((x) => x.year === year) ?? { year, readersServed: 0, requests: 0, filesIssued: 0, slaMet: 0, slaBreached: 0 };
  return r;
}

/** The first year any figure has data, or null on an empty log. */
export function firstYear(src: YearlySources): number | null {
  const years = [...src.receipts, ...src.appraisals, ...src.digitised, ...src.work].map((x) => x.year);
  return years.length ? Math.min(...years) : null;
}

export interface IntakeRate {
  metresPerYear: number;
  basisYears: number[];
  /** Of the basis total: metres that were measured on receipt … */
  measuredMetres: number;
  /** … and metres only estimated from box widths (receipts without a measurement). */
  estimatedMetres: number;
}

export const RATE_BASIS_YEARS = 3;

/**
 * Metres received per year over the last full years before `currentYear`: a receipt counts its measured
 * metres where present, else its estimate. A year with no receipt counts as zero, so a quiet year lowers the rate.
 */
export function intakeRate(receipts: Receipt[], currentYear: number, basis = RATE_BASIS_YEARS): IntakeRate {
  const basisYears = Array.from({ length: basis }, (_, i) => currentYear - basis + i);
  const inBasis = receipts.filter((r) => r.year >= basisYears[0] && r.year < currentYear);
  const measured = inBasis.reduce((a, r) => a + (r.metresMeasured ?? 0), 0);
  const estimated = inBasis.reduce((a, r) => a + (r.metresMeasured == null ? r.metresEstimated : 0), 0);
  return {
    metresPerYear: roundM((measured + estimated) / basis),
    basisYears,
    measuredMetres: roundM(measured),
    estimatedMetres: roundM(estimated),
  };
}

export interface Forecast { yearsUntilFull: number | null; fullByYear: number | null }

/** Free metres divided by the intake rate; null when nothing comes in (the stacks never fill). */
export function forecastFull(freeM: number, metresPerYear: number, currentYear: number): Forecast {
  if (metresPerYear <= 0) return { yearsUntilFull: null, fullByYear: null };
  const years = Math.max(0, freeM) / metresPerYear;
  return { yearsUntilFull: Math.round(years * 100) / 100, fullByYear: currentYear + Math.ceil(years) };
}
