import { BadInputError } from '../../common/errors.js';
import { isStorableText, requireText, requireUuid } from '../../common/validate.js';

/** What createActivity and updateActivity may say about an activity's place in the catalogues. */
export interface ActivityTaggingInput {
  activityTypeId?: string | null;
  targetGroupIds?: readonly string[] | null;
  partners?: readonly string[] | null;
}

/**
 * The same, checked and normalised. `undefined` leaves a field as it is (updateActivity);
 * `activityTypeId: null` clears the type; a list replaces the whole set (null is the empty set).
 */
export interface ActivityTagging {
  activityTypeId?: string | null;
  targetGroupIds?: string[];
  partners?: string[];
}

export const MAX_PARTNERS = 20;
export const MAX_PARTNER_LENGTH = 200;

/**
 * Shape checks that need no database: ids that cannot exist are NOT_FOUND (as for every id), a target
 * group listed twice and partners beyond docs/api.md's limits (at most 20, each 1-200 characters once
 * trimmed, none twice ignoring case) are BAD_USER_INPUT naming the field. Partners are trimmed and
 * runs of white space made one space. Whether the catalogue rows exist is ActivityTaggingService's.
 */
export function parseActivityTagging(input: ActivityTaggingInput): ActivityTagging {
  const tagging: ActivityTagging = {};
  if (input.activityTypeId !== undefined) {
    tagging.activityTypeId = input.activityTypeId === null ? null : requireUuid(input.activityTypeId, 'ActivityType', 'activityTypeId');
  }
  if (input.targetGroupIds !== undefined) {
    const ids = (input.targetGroupIds ?? []).map((id) => requireUuid(id, 'TargetGroup', 'targetGroupIds'));
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new BadInputError('targetGroupIds', `target group "${twice}" is listed twice`);
    tagging.targetGroupIds = ids;
  }
  if (input.partners !== undefined) tagging.partners = parsePartners(input.partners ?? []);
  return tagging;
}

function parsePartners(raw: readonly string[]): string[] {
  if (raw.length > MAX_PARTNERS) throw new BadInputError('partners', `at most ${MAX_PARTNERS} partners, got ${raw.length}`);
  const partners = raw.map((value, i) => {
    const position = `partner ${i + 1}`;
    if (!isStorableText(value)) throw new BadInputError('partners', `${position} must not contain NUL characters or unpaired surrogates`);
    const partner = collapseWhiteSpace(value);
    if (!partner) throw new BadInputError('partners', `${position} must not be empty`);
    if (partner.length > MAX_PARTNER_LENGTH) {
      throw new BadInputError('partners', `${position} must be at most ${MAX_PARTNER_LENGTH} characters`);
    }
    return partner;
  });
  const keys = partners.map((p) => p.toLowerCase());
  const twice = partners.find((_, i) => keys.indexOf(keys[i]) !== i);
  if (twice) throw new BadInputError('partners', `"${twice}" is listed twice`);
  return partners;
}

/** A catalogue name: trimmed, runs of white space made one space, 1-200 characters. */
export function catalogueName(value: string): string {
  return collapseWhiteSpace(requireText('name', value));
}

function collapseWhiteSpace(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
