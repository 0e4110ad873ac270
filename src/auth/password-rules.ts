/** Password length rules, in a module of their own so the web client can import them without the hashing library. */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
