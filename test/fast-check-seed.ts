import fc from 'fast-check';

// Property tests run with one fixed seed, so CI gives the same verdict on the same code.
// Explore other inputs with FC_SEED=<number> (a failure prints the seed and path to replay it).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261203) });
