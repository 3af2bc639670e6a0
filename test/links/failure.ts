import { isUserError } from '../../src/errors.js';

/** The user error a promise rejects with (code and message); anything else, or success, fails the test. */
export async function userFailure(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (err) {
    if (isUserError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error('expected a user error, but the promise resolved');
}
