import { z } from 'zod';

/** Trimmed, NFC-normalised text: Vietnamese typed in NFD must compare equal to NFC. */
export const text = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().max(max, `Tối đa ${max} ký tự`));

export const requiredText = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').trim())
    .pipe(z.string().min(1, 'Bắt buộc').max(max, `Tối đa ${max} ký tự`));

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày theo dạng YYYY-MM-DD');

export const year = z.coerce.number().int().min(1800).max(2200);

export const Pagination = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};

export const ErrorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
