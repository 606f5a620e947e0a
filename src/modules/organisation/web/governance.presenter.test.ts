/**
 * The names the organisation's forms and pages give its kinds and roles come from the catalogue
 * (organisationKinds), word for word as the domain's name tables had them.
 */
import { describe, expect, it } from 'vitest';
import {
  bodyKindItems,
  bodyKindName,
  frameworkRoleItems,
  frameworkRoleNames,
  memberRoleItems,
  memberRoleName,
  partnerKindItems,
  partnerKindName,
  unitKindItems,
} from './governance.presenter.ts';
import type { RoleAssignmentDetail } from '../roles.service.ts';
import { assignmentViews, roleItems } from './people.presenter.ts';

const texts = (items: readonly { text: string }[]) => items.map((item) => item.text);

describe('the organisation’s kinds and roles in words', () => {
  it('names every kind on the forms, in the domain’s order, ticking the one chosen', () => {
    expect(texts(unitKindItems(undefined))).toEqual(['Council', 'Directorate', 'Service', 'Team', 'Other']);
    expect(texts(bodyKindItems(undefined))).toEqual([
      'Full Council',
      'Executive (Cabinet)',
      'Scrutiny',
      'Performance panel',
      'Audit committee',
      'Leadership team',
      'Partnership board',
      'Other',
    ]);
    expect(texts(partnerKindItems(undefined))).toEqual([
      'NHS',
      'Police',
      'Fire and rescue',
      'Voluntary and community sector',
      'Business',
      'Education',
      'Other public body',
      'Other',
    ]);
    expect(texts(frameworkRoleItems(undefined))).toEqual([
      'Approves plans',
      'Scrutinises performance',
      'Receives reports',
    ]);
    expect(texts(memberRoleItems(undefined))).toEqual(['Chair', 'Vice-chair', 'Member']);
    expect(
      unitKindItems('team')
        .filter((item) => item.checked)
        .map((item) => item.value),
    ).toEqual(['team']);
  });

  it('names a stored kind, an earlier default’s by the form’s kind, and shows an unknown code as it is', () => {
    expect(bodyKindName('council')).toBe('Full Council');
    expect(bodyKindName('something-else')).toBe('Other');
    expect(partnerKindName('fire')).toBe('Fire and rescue');
    expect(partnerKindName('charity')).toBe('charity');
    expect(memberRoleName('vice-chair')).toBe('Vice-chair');
    expect(frameworkRoleNames(['receives', 'toString'])).toEqual(['Receives reports', 'toString']);
  });

  it('offers the roles after a blank choice, and says where a role is held', () => {
    expect(roleItems('')[0]).toEqual({ value: '', text: 'Select a role', selected: true });
    const held: RoleAssignmentDetail = {
      id: 'a',
      organisationId: 'o',
      personId: 'p',
      role: 'viewer',
      unitId: null,
      partnerId: null,
      grantedBy: null,
      grantedAt: new Date('2026-01-01T12:00:00Z'),
      endedAt: null,
      unitName: null,
      partnerName: null,
      grantedByName: null,
    };
    // A unit whose name did not come back (removed since) is still said to be a unit.
    const views = assignmentViews([held, { ...held, id: 'b', unitId: 'u' }]);
    expect(views.map((view) => view.scope)).toEqual(['Whole organisation', 'Unknown unit']);
  });
});
