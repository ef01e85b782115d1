import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { styleDistance, styleProfileOf, trainAuthorship } from '../../src/persona/index.ts';

const person = [
  'ну слушай)) я ж говорила, всё будет норм',
  'ахах, ну ты даёшь)) давай завтра созвонимся',
  'ой, не знаю… наверное да)) посмотрим',
  'короче, я уже дома, пиши если что))',
];
const generic = [
  'Добрый день. Заседание переносится на четверг.',
  'Пожалуйста, подтвердите получение документов.',
  'Отчёт будет готов к концу недели.',
  'Спасибо за информацию, мы учтём её в работе.',
];

describe('authorship attribution', () => {
  const classifier = trainAuthorship(person, generic);

  it('scores a text in the person’s manner above one in the generic manner', () => {
    const theirs = classifier.score('ну давай)) я потом напишу, ок?');
    const anyones = classifier.score('Сообщаем, что встреча состоится в пятницу.');
    assert.ok(theirs > 0, `${theirs}`);
    assert.ok(anyones < 0, `${anyones}`);
  });

  it('scores n-grams neither side has seen by the smoothing alone, the same for any such text; an empty text is 0', () => {
    assert.ok(Math.abs(classifier.score('Ξ Ψ Ω') - classifier.score('Ա Բ Գ')) < 1e-12);
    assert.equal(classifier.score(''), 0);
  });

  it('needs text on both sides', () => {
    assert.throws(() => trainAuthorship([], generic), RangeError);
  });
});

describe('style distance', () => {
  const profile = styleProfileOf(person);

  it('is 0 for the same profile and grows for a different manner', () => {
    assert.equal(styleDistance(profile, profile), 0);
    const near = styleDistance(styleProfileOf(['ну ладно)) давай потом, ок']), profile);
    const far = styleDistance(
      styleProfileOf(['Уважаемые коллеги, прошу подтвердить участие; заседание — в четверг.']),
      profile,
    );
    assert.ok(near < far, `${near} < ${far}`);
    assert.ok(far > 0 && far < 1);
  });
});
