import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { styleProfileOf } from '../../src/persona/index.ts';

const chatty = [
  'привет)) ты как там?',
  'ну слушай, я тебе потом напишу))',
  'короче, ты завтра придёшь?? 😂',
  'ну слушай, это же классика 😂😂',
  'ок',
];
const formal = [
  'Добрый день. Благодарю Вас за письмо.',
  'Как я уже говорил на лекции, оптика — наука о свете; она точна.',
  'Позвольте ответить подробнее: Ваш вопрос касается интерференции.',
  'Если Вам удобно, обсудим это в четверг. Как я уже говорил, это важно.',
];

describe('style profile', () => {
  it('counts sentences and words, with length distributions', () => {
    const profile = styleProfileOf(['One two three. Four five!', 'Six seven eight nine ten eleven']);
    assert.equal(profile.texts, 2);
    assert.equal(profile.words, 11);
    assert.equal(profile.sentences, 3);
    assert.deepEqual(profile.sentenceLength, { mean: 3.6667, median: 3, p10: 2.2, p90: 5.4, stdev: 1.6997 });
    assert.equal(profile.textLength.mean, 5.5);
  });

  it('tells "ты" from "вы", and sees the capitalised "Вы" of respect', () => {
    const informal = styleProfileOf(chatty).formality;
    assert.equal(informal.register, 'informal');
    assert.equal(informal.informal, 3);
    assert.equal(informal.formal, 0);
    const polite = styleProfileOf(formal).formality;
    assert.equal(polite.register, 'formal');
    assert.equal(polite.formal, 3);
    assert.equal(polite.capitalisedFormal, 3);
    assert.equal(polite.formalShare, 1);
    assert.equal(styleProfileOf(['Hello there.']).formality.register, 'unknown');
  });

  it('measures emoji, bracket smiles, repeated marks and unterminated messages of chat', () => {
    const profile = styleProfileOf(chatty);
    assert.equal(profile.emoji.perText, 0.6);
    assert.equal(profile.emoji.textsWithEmoji, 0.4);
    assert.deepEqual(profile.emoji.favourites, [{ text: '😂', count: 3 }]);
    assert.equal(profile.emoji.bracketSmilesPerText, 0.4);
    assert.ok(profile.punctuation.repeatedMarks > 0);
    assert.equal(profile.punctuation.unterminatedTexts, 0.6, 'three of five end without . ! ?');
    assert.equal(profile.casing.lowercaseSentenceStarts, 1);
    const lecture = styleProfileOf(formal);
    assert.equal(lecture.emoji.perText, 0);
    assert.equal(lecture.punctuation.unterminatedTexts, 0);
    assert.ok(lecture.punctuation.semicolon > 0 && lecture.punctuation.dash > 0 && lecture.punctuation.colon > 0);
    assert.equal(lecture.casing.lowercaseSentenceStarts, 0);
  });

  it('finds phrases the person repeats across texts, not the echo of a longer one', () => {
    const profile = styleProfileOf([...chatty, ...formal]);
    const phrases = profile.phrases.map((phrase) => phrase.text);
    assert.ok(phrases.includes('я уже говорил'), phrases.join(' | '));
    assert.ok(!phrases.includes('как я уже'), 'function words alone characterise nobody');
    assert.ok(phrases.includes('ну слушай'), phrases.join(' | '));
    assert.ok(!phrases.includes('уже говорил'), 'a 2-gram seen only inside "я уже говорил" is its echo');
    assert.deepEqual(
      profile.openers.find((opener) => opener.text === 'ну'),
      { text: 'ну', count: 2 },
    );
    // One text repeating itself is its subject, not a habit.
    assert.deepEqual(styleProfileOf(['квантовая механика, квантовая механика']).phrases, []);
  });

  it('measures vocabulary richness independent of corpus size', () => {
    const varied = styleProfileOf(['Каждое слово здесь разное: солнце, море, ветер, песок, чайка, парус.']);
    const repetitive = styleProfileOf(['да да да да нет нет да да да']);
    assert.equal(varied.vocabulary.movingTypeTokenRatio, 1);
    assert.ok(repetitive.vocabulary.movingTypeTokenRatio < 0.3);
    const long = styleProfileOf(Array.from({ length: 40 }, (_, i) => `слово${i % 30} и ещё одно слово${i % 7}`));
    assert.ok(long.vocabulary.movingTypeTokenRatio > 0 && long.vocabulary.movingTypeTokenRatio <= 1);
    assert.ok(long.vocabulary.hapaxShare >= 0 && long.vocabulary.hapaxShare <= 1);
  });

  it('measures the language mix by text and by letter', () => {
    const mix = styleProfileOf(['Привет, как дела?', 'See you tomorrow', 'Я купил новый laptop, super fast']).languages;
    assert.deepEqual({ ru: mix.ru, en: mix.en, mixed: mix.mixed }, { ru: 0.3333, en: 0.3333, mixed: 0.3333 });
    assert.ok(mix.cyrillicLetters > 0.4 && mix.cyrillicLetters < 0.6);
    assert.equal(styleProfileOf(['Смотри https://example.com/very/long/english/path']).languages.ru, 1);
  });

  it('measures an even sample of a very large corpus, so profiling time stays bounded', () => {
    const corpus = Array.from({ length: 4000 }, (_, i) => `Сообщение номер ${i}: ну слушай, это про оптику и свет.`);
    const profile = styleProfileOf(corpus);
    assert.equal(profile.sampledFrom, 4000);
    assert.ok(profile.texts < 4000 && profile.texts > 1000, `${profile.texts} texts measured`);
    assert.equal(profile.formality.register, 'unknown');
    assert.deepEqual(styleProfileOf(corpus), profile);
    assert.equal(styleProfileOf(chatty).texts, styleProfileOf(chatty).sampledFrom);
  });

  it('is empty but well formed for no text, and deterministic', () => {
    const empty = styleProfileOf(['', '   ']);
    assert.equal(empty.texts, 0);
    assert.equal(empty.words, 0);
    assert.equal(empty.sentenceLength.mean, 0);
    assert.equal(empty.formality.register, 'unknown');
    assert.deepEqual(styleProfileOf([...chatty, ...formal]), styleProfileOf([...chatty, ...formal]));
  });
});
