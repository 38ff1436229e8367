// Does a parameter's uncertainty still describe its base value? After an edit the PSA distribution may be centred
// elsewhere, or not even able to produce the value, and the one-way range may lie on one side of it. Each finding
// comes with one-click fixes (re-centre the distribution keeping its relative SE; widen the one-way range), so the
// PSA and the tornado always use what the parameter table shows.
import type { Parameter } from '../model/schema';
import type { DistributionSpec } from '../uncertainty/distribution-spec';
import { recentreDistribution, summariseDistribution } from '../uncertainty/distribution-summary';
import type { JointDistributionSpec, JointMembership } from '../uncertainty/joint-distribution';
import { jointLabel, jointMarginalCentre, jointMemberships } from '../uncertainty/joint-distribution';

export type ParameterFix =
  | { kind: 'recentre'; label: string; distribution: DistributionSpec }
  | { kind: 'widen-range'; label: string; low: number; high: number };

export interface ParameterCheck {
  parameter: string;
  kind: 'outside-support' | 'distribution-mean' | 'joint-centre' | 'outside-range';
  /** In plain words, e.g. "The PSA samples around 0.69 (the distribution's mean), not 0.85." */
  message: string;
  /** What the message is built from, so a screen can word it in its own language and number format. */
  values: ParameterCheckValues;
  fixes: ParameterFix[];
  /** Why the re-centring fix is not offered, when it cannot be done. */
  unavailable?: string;
  /** The engine's reason when re-centring failed (part of `unavailable`). */
  recentreFailure?: string;
}

export interface ParameterCheckValues {
  base: number;
  /** joint-centre: the joint distribution's label, the other parameters drawn with it, its centre (a median on a log scale). */
  joint?: string;
  others?: string;
  centre?: number;
  median?: boolean;
  /** outside-support: the values the distribution can take. */
  min?: number;
  max?: number;
  /** distribution-mean: the mean it samples around (a fixed distribution's value). */
  mean?: number;
  fixed?: boolean;
  /** outside-range: the one-way range as given. */
  low?: number;
  high?: number;
}

/** A value as the parameter table shows it (6 significant digits), for messages (the engine cannot use src/report). */
function formatValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}

/** The distribution's mean may differ from the base value by this share before it is reported (rounding in files). */
export const MEAN_TOLERANCE = 0.005;

function meanDiffers(mean: number, base: number): boolean {
  return Math.abs(mean - base) > MEAN_TOLERANCE * Math.max(Math.abs(base), Math.abs(mean), 1e-12);
}

function inSupport(value: number, support: { min: number; max: number }, type: string): boolean {
  // Beta, gamma and log-normal never produce their end points 0 (and 1); the others include their bounds.
  const open = type === 'beta' || type === 'gamma' || type === 'lognormal';
  return open ? value > support.min && value < support.max : value >= support.min && value <= support.max;
}

function describeSupport(support: { min: number; max: number }): string {
  if (support.max === Infinity) return `above ${formatValue(support.min)}`;
  if (support.min === -Infinity) return `below ${formatValue(support.max)}`;
  return `${formatValue(support.min)} to ${formatValue(support.max)}`;
}

/**
 * Findings about one parameter given as a number (expression parameters have no base value to compare). A parameter
 * sampled in one of the model's joint distributions passes its membership: the PSA draws it from there.
 */
export function parameterChecks(parameter: Parameter, joint?: JointMembership): ParameterCheck[] {
  const base = parameter.value;
  if (base === undefined) return [];
  const out: ParameterCheck[] = [];
  if (joint) {
    const centre = jointMarginalCentre(joint.spec, joint.k);
    if (meanDiffers(centre, base)) {
      const others = joint.spec.parameters.filter((_, i) => i !== joint.k).join(', ');
      const scale = joint.spec.scale?.[joint.k] ?? 'identity';
      out.push({
        parameter: parameter.id,
        kind: 'joint-centre',
        message: `The PSA samples it with ${others} from the joint distribution “${jointLabel(joint.spec, joint.index)}”, centred on ${formatValue(centre)}${scale === 'identity' ? '' : ' (its median)'}, not the base value ${formatValue(base)}.`,
        values: { base, joint: jointLabel(joint.spec, joint.index), others, centre, median: scale !== 'identity' },
        fixes: [],
        unavailable: 'It cannot be re-centred here: change that joint distribution’s mean in the model file (jointDistributions).',
      });
    }
  }
  const u = parameter.uncertainty;
  if (!u) return out;
  const dist = u.distribution;
  if (dist && dist.type !== 'dirichlet') {
    const summary = summariseDistribution(dist, parameter.id, { density: false });
    if (summary.ok) {
      const s = summary.summary;
      const outside = dist.type !== 'fixed' && !inSupport(base, s.support, dist.type);
      // A log-normal given on the log scale is centred on its median exp(μ) by convention (a relative risk's point
      // estimate); that is no mismatch.
      const median = dist.type === 'lognormal' && dist.meanlog !== undefined ? Math.exp(dist.meanlog) : null;
      const centred = !meanDiffers(s.mean, base) || (median !== null && !meanDiffers(median, base));
      if (outside || !centred) {
        const recentred = recentreDistribution(dist, base, parameter.id);
        out.push({
          parameter: parameter.id,
          kind: outside ? 'outside-support' : 'distribution-mean',
          message: outside
            ? `The PSA distribution takes values ${describeSupport(s.support)} only, so it can never sample the base value ${formatValue(base)}.`
            : dist.type === 'fixed'
              ? `The PSA uses the fixed value ${formatValue(s.mean)}, not the base value ${formatValue(base)}.`
              : `The PSA samples around ${formatValue(s.mean)} (the distribution’s mean), not the base value ${formatValue(base)}.`,
          values: outside ? { base, min: s.support.min, max: s.support.max } : { base, mean: s.mean, fixed: dist.type === 'fixed' },
          fixes: recentred.ok ? [{ kind: 'recentre', label: `Re-centre the distribution on ${formatValue(base)}${dist.type === 'fixed' ? '' : ' (same relative SE)'}`, distribution: recentred.spec }] : [],
          ...(recentred.ok ? {} : { unavailable: `It cannot be re-centred automatically: ${recentred.message}.`, recentreFailure: recentred.message }),
        });
      }
    }
  }
  if (u.low !== undefined && u.high !== undefined && (base < Math.min(u.low, u.high) || base > Math.max(u.low, u.high))) {
    const low = Math.min(u.low, u.high, base);
    const high = Math.max(u.low, u.high, base);
    out.push({
      parameter: parameter.id,
      kind: 'outside-range',
      message: `The base value ${formatValue(base)} is outside the one-way range ${formatValue(u.low)} to ${formatValue(u.high)}, so the tornado tests one side only.`,
      values: { base, low: u.low, high: u.high },
      fixes: [{ kind: 'widen-range', label: `Widen the range to ${formatValue(low)} to ${formatValue(high)}`, low, high }],
    });
  }
  return out;
}

/** Findings about every parameter of a model, each checked against the distribution the PSA really draws it from. */
export function modelParameterChecks(model: { parameters: readonly Parameter[]; jointDistributions: readonly JointDistributionSpec[] }): Map<string, ParameterCheck[]> {
  const joints = jointMemberships(model.jointDistributions);
  return new Map(model.parameters.map((p) => [p.id, parameterChecks(p, joints.get(p.id))]));
}
