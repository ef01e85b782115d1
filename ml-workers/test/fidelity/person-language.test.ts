import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { styleProfileOf } from '@bishop/domain';
import { genericCorpusFor } from '../../src/fidelity/generic-corpus.ts';
import { floorTexts } from '../../src/fidelity/test-inputs.ts';
import { scoreVoice } from '../../src/fidelity/voice/voice-metrics.ts';
import type { PersonaSnapshot } from '../../src/persona/index.ts';
import { isFullySupported, personLanguageOf, unsupportedLanguageNote } from '../../src/persona/index.ts';
import { dialogueSpeakers } from './dialogue-fixture.ts';

const french = [
  'Bonsoir à tous, merci d’être venus si nombreux ce soir.',
  'Aujourd’hui nous allons parler de la radio et de ceux qui l’ont inventée.',
  'Je pense que la question de la priorité reste ouverte, mais chacun a sa part.',
  'Prenez vos notes de la semaine dernière, nous en aurons besoin.',
];
const latin = [
  'Gallia est omnis divisa in partes tres, quarum unam incolunt Belgae, aliam Aquitani.',
  'Horum omnium fortissimi sunt Belgae, propterea quod a cultu atque humanitate provinciae longissime absunt.',
];
const languageOf = (texts: string[]) => personLanguageOf(texts, styleProfileOf(texts));

describe('the person’s language, and what Bishop measures in it', () => {
  it('detects the person’s language from their words, beyond Russian and English', async () => {
    assert.equal(languageOf(french), 'fr');
    assert.equal(languageOf(latin), 'la');
    assert.equal(languageOf((await dialogueSpeakers()).marina), 'ru');
    assert.equal(languageOf(['ok']), 'en', 'too little text: the larger script of Russian and English');
  });

  it('has generic text for Russian and English only, and says so for the rest', async () => {
    assert.ok(await genericCorpusFor('ru'));
    assert.ok(await genericCorpusFor('en'));
    assert.equal(await genericCorpusFor('fr'), null);
    assert.equal(isFullySupported('fr'), false);
    assert.match(unsupportedLanguageNote('fr'), /French \(fr\), for which Bishop has no generic text or voice/);
  });

  it('has no floor, rather than English text, when few other people wrote and the language has no generic text', () => {
    const snapshot = {
      heldOutPairIds: [],
      pairs: [{ id: 'p1', prompt: 'Tu viens ce soir ?', reply: 'Oui, bien sûr.' }],
    } as unknown as PersonaSnapshot;
    assert.deepEqual(floorTexts(snapshot, null), { texts: [], source: 'none' });
  });

  it('does not dub a language Bishop has no voice for, and says why', async () => {
    const figures = await scoreVoice(
      { texts: french, language: 'fr', voice: { sampleBlobKey: null, consent: false } },
      {} as Parameters<typeof scoreVoice>[1],
    );
    assert.deepEqual(
      figures.map((f) => [f.metric, f.newVersion, f.reason]),
      [
        ['speakerSimilarity', null, 'not measured (Bishop has no voice for fr)'],
        ['intelligibility', null, 'not measured (Bishop has no voice for fr)'],
      ],
    );
  });
});
