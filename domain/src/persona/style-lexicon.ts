/** Word lists stylometrics needs: forms of address and words too common to characterise anyone. */

// Space-separated lists read (and diff) better than hundreds of one-word lines.
const wordSet = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Forms of "ты" (informal you) and its possessive. */
export const informalAddress: ReadonlySet<string> = wordSet(`
  ты тебя тебе тобой тобою твой твоя твое твои твоего твоей твоему твоим твоих твоими твою
`);

/** Forms of "вы" (formal, or plural, you) and its possessive. */
export const formalAddress: ReadonlySet<string> = wordSet(`
  вы вас вам вами ваш ваша ваше ваши вашего вашей вашему вашим ваших вашими вашу
`);

/** Function words of Russian and English: a phrase made only of these says nothing about its author. */
export const stopWords: ReadonlySet<string> = wordSet(`
  и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было
  вот от меня еще нет о об из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас
  нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем
  была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем
  ним здесь этом один почти мой тем чтобы нее были куда зачем всех можно при два другой хоть после над
  больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
  иногда лучше чуть том нельзя такой им более всегда конечно всю между это мне тебе нам оно эта эти
  the a an and or but if of to in on at by for with about as is are was were be been am do does did
  have has had i you he she it we they me him her us them my your his its our their this that these
  those so not no yes from up out there then than what which who when where how all just can will
  would could should
`);
