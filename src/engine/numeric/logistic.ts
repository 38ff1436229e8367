// The logit and its inverse (the logistic function), used by accuracy models and logit-scale PSA draws.

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/** 1 / (1 + e^-x), computed without overflow for large |x|. */
export function expit(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
