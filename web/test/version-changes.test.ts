import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import RollbackDialog from '../src/lib/components/training/RollbackDialog.svelte';
import { versionChanges } from '../src/lib/components/training/version-changes.ts';
import type { VersionVerdictFieldsFragment } from '../src/lib/graphql/generated/graphql.ts';
import { i18n } from '../src/lib/i18n/i18n.svelte.ts';

const version = (
  n: number,
  materials: string[],
  stats: Record<string, unknown>,
  testReport: VersionVerdictFieldsFragment['testReport'] = null,
): VersionVerdictFieldsFragment => ({
  version: n,
  runId: `run-${n}`,
  createdAt: '2026-12-07T00:00:00Z',
  active: false,
  stats,
  materialsUsed: materials.map((name) => ({ materialId: `id-${name}`, fileName: name })),
  testReport,
});

describe('what a rollback changes', () => {
  it('names the materials gained and lost and the counts before and after', () => {
    const active = version(2, ['lecture.txt', 'chat.json', 'notes.md'], { passages: 120, pairs: 30 });
    const older = version(1, ['lecture.txt', 'interview.flac'], { passages: 80 });
    expect(versionChanges(active, older)).toEqual({
      gained: ['interview.flac'],
      lost: ['chat.json', 'notes.md'],
      passages: { from: 120, to: 80 },
      pairs: { from: 30, to: null },
    });
    expect(versionChanges(null, older).gained).toEqual(['lecture.txt', 'interview.flac']);
  });

  it('shows both verdicts and scores before asking, in Russian too', () => {
    i18n.setLocale('ru');
    const active = version(2, ['a.txt'], { passages: 10, pairs: 3 }, {
      status: 'DONE',
      verdict: 'WORSE',
      verdictAgainst: 'PREVIOUS_VERSION',
      overall: { newVersion: 0.31 },
      comparedWith: { personaVersion: 1 },
    } as VersionVerdictFieldsFragment['testReport']);
    const older = version(1, ['a.txt', 'b.txt'], { passages: 14, pairs: 5 }, {
      status: 'DONE',
      verdict: 'BETTER',
      verdictAgainst: 'BASELINE',
      overall: { newVersion: 0.42 },
      comparedWith: null,
    } as VersionVerdictFieldsFragment['testReport']);
    render(RollbackDialog, { chosen: older, active, busy: false, onconfirm: () => {}, onclose: () => {} });
    expect(screen.getByText('Ответы будут строиться на версии 1 вместо версии 2. Что изменится:')).toBeTruthy();
    expect(screen.getByText('Хуже версии 1')).toBeTruthy();
    expect(screen.getByText('в целом 0,42')).toBeTruthy();
    expect(screen.getByText('Учитывает 1 материал, которого нет в активной версии: b.txt')).toBeTruthy();
    expect(screen.getByText('Фрагменты слов человека: 10 → 14')).toBeTruthy();
    i18n.setLocale('en');
  });
});
