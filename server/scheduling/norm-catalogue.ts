/**
 * The first stored norm version: the engine's default table (TT 16/2023/TT-BNV's 21 processing steps, restoration and
 * digitisation per page) in the shape of the norm_steps table. Only step 15 is verified (docs/domain.md §5); the rest carry
 * verified=false and are shown "chưa xác minh".
 */
import { DEFAULT_NORMS, STAFF_GRADES, restorationStepFor, type Skill } from './engine/index.js';

export type NormUnit = 'metre' | 'page';

export interface NormStepDef {
  stepId: string;
  name: string;
  skill: Skill;
  unit: NormUnit;
  minutesPerUnit: number;
  minGrade: number;
  coefficient: number;
  verified: boolean;
  source: string | null;
}

/** Civil-service grades of archivists, lowest first; the engine compares the numbers. */
export const GRADES: Record<number, string> = Object.fromEntries(STAFF_GRADES.map((g) => [g.grade, g.name]));

export const DEFAULT_NORM_LABEL = 'Định mức mặc định (TT 16/2023/TT-BNV; phần lớn chưa xác minh)';

/** The engine's default table (server/scheduling/engine/norms-default.ts) as the first stored version. */
export const DEFAULT_NORM_STEPS: NormStepDef[] = DEFAULT_NORMS.map((n) => ({
  stepId: n.stepId, name: n.name, skill: n.skill, unit: n.unit === 'm' ? 'metre' : 'page', minutesPerUnit: n.minutesPerUnit,
  minGrade: n.minGrade, coefficient: 1, verified: n.verified,
  source: n.source ?? (n.skill === 'processing' ? 'TT 16/2023/TT-BNV (số phút là giá trị mặc định, chưa xác minh)' : 'Chưa tìm thấy văn bản định mức (giá trị mặc định)'),
}));

export const DAMAGE_LEVEL_STEP = { light: restorationStepFor(1), medium: restorationStepFor(2), heavy: restorationStepFor(3) } as const;
