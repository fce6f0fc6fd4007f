/**
 * What an email address looks like to Impact Returns: the framework's `submission.to`, the Return
 * sheet's Centre email and Set up's field all test it here (kept apart from mailto.ts so the pane's
 * first paint needs only this).
 */

/** One email address, name@domain.tld (the framework's `submission.to` and the Return sheet's addresses). */
export const EMAIL_ADDRESS = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[A-Za-z]{2,}$/;
