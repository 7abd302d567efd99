// The Local Housing Allowance size rules: how many bedrooms housing costs help pays for, and
// whether a single person under 35 gets only the shared accommodation rate. One bedroom for:
//   - an adult couple;
//   - any other person aged 16 or over;
//   - two children of the same sex under 16;
//   - two children under 10, whatever their sex;
//   - any other child.
// At most 4 bedrooms. A single person under 35 with no children gets the shared accommodation
// rate, unless an exemption applies (the council lists them as data: content/homes/lha.json).

export type Sex = 'female' | 'male';

export interface Child {
  age: number;
  sex: Sex;
}

export interface Household {
  /** People aged 16 or over who are not listed as children: 1 or more. */
  adults: number;
  /** Two of the adults are a couple. */
  couple: boolean;
  children: Child[];
  /** For a single adult with no children: aged under 35. */
  under35: boolean;
  /** For a single adult under 35: an exemption from the shared rate applies (by its id). */
  exemption?: string | null;
}

export type Entitlement = { rate: 'shared' } | { rate: 'bedrooms'; bedrooms: 1 | 2 | 3 | 4 };

export interface EntitlementResult {
  entitlement: Entitlement;
  /** Why, in plain words, one line a bedroom (or the shared rate's reason). */
  reasons: string[];
}

export const MAX_BEDROOMS = 4;

/** May these two children share a bedroom under the rules? */
export function mayShare(a: Child, b: Child): boolean {
  if (a.age >= 16 || b.age >= 16) return false;
  if (a.age < 10 && b.age < 10) return true;
  return a.sex === b.sex;
}

/** The most pairs of children who may share (children are few, so every pairing is tried). */
function mostPairs(children: Child[]): Array<[Child, Child]> {
  if (children.length < 2) return [];
  const [first, ...rest] = children as [Child, ...Child[]];
  let best = mostPairs(rest);
  rest.forEach((other, index) => {
    if (!mayShare(first, other)) return;
    const pairs: Array<[Child, Child]> = [[first, other], ...mostPairs(rest.filter((_, i) => i !== index))];
    if (pairs.length > best.length) best = pairs;
  });
  return best;
}

const describeChild = (c: Child) => `${c.sex === 'female' ? 'a girl' : 'a boy'} aged ${c.age}`;

/** One bedroom the size rules give, and who it is for (so a page can say it in any language). */
export type Room =
  | { for: 'couple' | 'you' | 'adult' }
  | { for: 'grown-child' | 'child'; child: Child }
  | { for: 'children-under-10' | 'children-same-sex'; children: [Child, Child] };

/**
 * The bedrooms the size rules give a household, one a room, before any cap: a couple share, every
 * other adult and child aged 16 or over has their own, and as many pairs of younger children share
 * as the rules allow (the eldest first).
 */
export function roomsNeeded(household: Pick<Household, 'adults' | 'couple' | 'children'>): Room[] {
  const adults = Math.max(1, Math.floor(household.adults));
  const couple = household.couple && adults >= 2;
  const rooms: Room[] = [];
  if (couple) rooms.push({ for: 'couple' });
  const otherAdults = adults - (couple ? 2 : 0);
  for (let i = 0; i < otherAdults; i += 1) rooms.push({ for: i === 0 && !couple ? 'you' : 'adult' });
  for (const child of household.children.filter((c) => c.age >= 16)) rooms.push({ for: 'grown-child', child });
  const sorted = household.children.filter((c) => c.age < 16).sort((a, b) => b.age - a.age);
  const pairs = mostPairs(sorted);
  const paired = new Set(pairs.flat());
  for (const [a, b] of pairs) rooms.push({ for: a.age < 10 && b.age < 10 ? 'children-under-10' : 'children-same-sex', children: [a, b] });
  for (const child of sorted) if (!paired.has(child)) rooms.push({ for: 'child', child });
  return rooms;
}

/** A room in the words the entitlement's reasons use. */
export function describeRoom(room: Room): string {
  switch (room.for) {
    case 'couple':
      return '1 bedroom for you and your partner';
    case 'you':
      return '1 bedroom for you';
    case 'adult':
      return '1 bedroom for another adult';
    case 'grown-child':
      return `1 bedroom for ${describeChild(room.child)} (16 or over)`;
    case 'child':
      return `1 bedroom for ${describeChild(room.child)}`;
    case 'children-under-10':
      return `1 bedroom for two children under 10 (${describeChild(room.children[0])} and ${describeChild(room.children[1])})`;
    case 'children-same-sex':
      return `1 bedroom for two children of the same sex under 16 (${describeChild(room.children[0])} and ${describeChild(room.children[1])})`;
  }
}

export function bedroomEntitlement(household: Household, exemptions: ReadonlyArray<{ id: string; label: string }> = []): EntitlementResult {
  const adults = Math.max(1, Math.floor(household.adults));
  const couple = household.couple && adults >= 2;

  if (adults === 1 && household.children.length === 0 && household.under35) {
    const exemption = exemptions.find((e) => e.id === household.exemption);
    if (!exemption) {
      return {
        entitlement: { rate: 'shared' },
        reasons: ['You are single, under 35 and have no children, so housing costs help pays the rate for a room in a shared home.'],
      };
    }
    return {
      entitlement: { rate: 'bedrooms', bedrooms: 1 },
      reasons: [`The shared rate does not apply to you (${exemption.label.toLowerCase()}), so you get the 1-bedroom rate.`],
    };
  }

  const reasons = roomsNeeded({ ...household, adults, couple }).map(describeRoom);
  const needed = reasons.length;
  const bedrooms = Math.min(MAX_BEDROOMS, needed) as 1 | 2 | 3 | 4;
  if (needed > MAX_BEDROOMS)
    reasons.push(`Housing costs help pays for at most ${MAX_BEDROOMS} bedrooms, so you get the ${MAX_BEDROOMS}-bedroom rate.`);
  return { entitlement: { rate: 'bedrooms', bedrooms }, reasons };
}
