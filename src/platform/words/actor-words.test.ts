/**
 * Who acted when no person did is kept in the trail as a stored phrase (auditActors); these are the
 * words a reader sees for each, the English the code stored before the words moved to the
 * catalogue, which older rows still hold and show as written.
 */
import { describe, expect, it } from 'vitest';
import { phraseText } from '../../kernel/phrase.ts';
import { en } from './en.ts';
import { sayActor } from './index.ts';

describe('the actors that are not a person, in words', () => {
  const english: Record<keyof typeof en.auditActors, string> = {
    signInPage: 'Someone at the sign-in page',
    signingIn: 'Someone signing in',
    singleSignOn: 'Single sign-on',
    createOrganisationCommand: 'Command line (create-organisation)',
    defaultFramework: 'System (default framework)',
    escalationJob: 'Escalation job',
    improvementPlanJob: 'Improvement plan job',
    recommendationNotices: 'Golden Thread',
    demoSeed: 'Demo council seed',
  };

  it.each(Object.entries(english))('says %s as the English it was stored in: %s', (code, said) => {
    const stored = phraseText(`auditActors.${code}`);
    expect(stored).not.toBe(said);
    expect(sayActor(stored)).toBe(said);
    // An older row holds the English itself, shown as written.
    expect(sayActor(said)).toBe(said);
  });

  it('shows a person’s name as it is, even one that reads like a stored phrase', () => {
    expect(sayActor('Priya Shah', 'a-person')).toBe('Priya Shah');
    expect(sayActor('Priya Shah')).toBe('Priya Shah');
    const lookalike = phraseText('auditActors.escalationJob');
    expect(sayActor(lookalike, 'a-person')).toBe(lookalike);
    // Only the actors' words are said: a label never reads as any other words of the catalogue.
    const otherWords = phraseText('audit.title');
    expect(sayActor(otherWords)).toBe(otherWords);
  });
});
