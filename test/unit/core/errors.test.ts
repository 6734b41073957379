import { describe, expect, it } from 'vitest';
import { AppError, catalogue, ERRORS } from '../../../server/core/errors.js';

describe('error catalogue', () => {
  it('when two groups define the same factory name, then assembling the catalogue fails', () => {
    const a = { taken: () => new AppError('A_TAKEN', 'A', 409) };
    const b = { taken: () => new AppError('B_TAKEN', 'B', 409) };
    expect(() => catalogue(a, b)).toThrow(/taken is defined twice/);
  });

  it('when a factory is called, then it carries its code, status and Vietnamese message', () => {
    const e = ERRORS.fileRequired('file');
    expect(e).toBeInstanceOf(AppError);
    expect({ code: e.code, status: e.status, message: e.message }).toEqual({
      code: 'FILE_REQUIRED', status: 400, message: 'Thiếu tệp tải lên (trường "file").',
    });
    expect(ERRORS.grantExists(7)).toMatchObject({ code: 'GRANT_EXISTS', status: 409, details: { id: 7 } });
  });

  it('when a database error names a unique violation, then it becomes a 409 DUPLICATE with the constraint', async () => {
    const { fromDatabaseError } = await import('../../../server/core/errors.js');
    expect(fromDatabaseError({ code: '23505', constraint: 'agencies_code_key' })).toMatchObject({
      code: 'DUPLICATE', status: 409, details: { constraint: 'agencies_code_key' },
    });
    expect(fromDatabaseError({ code: '42P01' })).toBeNull();
  });
});
