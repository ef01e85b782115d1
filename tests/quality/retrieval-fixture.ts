/**
 * A ru+en retrieval fixture: things one person said in chats, and questions
 * about them asked in other words (paraphrased: few words in common), each
 * with the passage that answers it. Written for this report; no real person.
 */
export interface RetrievalCase {
  readonly question: string;
  /** Index of the passage that answers it. */
  readonly answer: number;
}

export const passages: readonly string[] = [
  'Я вырос в Казани, на улице Баумана, у нас была квартира над булочной.',
  'Каждое утро я пробегаю пять километров вдоль набережной, даже зимой.',
  'Моя собака — рыжий корги по кличке Бублик, ему четыре года.',
  'В университете я учился на физфаке, специализировался на оптике.',
  'Терпеть не могу кинзу, для меня она пахнет мылом.',
  'Летом мы с женой сплавлялись на байдарках по Карелии, две недели без связи.',
  'Первую машину, старую «Ниву», я купил в двадцать три года за сорок тысяч.',
  'Больше всего люблю читать Стругацких, «Пикник на обочине» перечитывал раз пять.',
  'На работе я руковожу командой из восьми инженеров, мы делаем навигацию для дронов.',
  'Бабушка научила меня печь пироги с капустой, рецепт до сих пор храню в тетрадке.',
  'Я боюсь высоты, поэтому на колесо обозрения меня не затащить.',
  'По выходным играю в шахматы в клубе, мой рейтинг около тысячи восьмисот.',
  'My daughter just started violin lessons, and the practice sessions are loud.',
  'I moved to Lisbon three years ago for a job at a solar energy startup.',
  'Coffee is my weakness: I drink at least four espressos a day.',
  'I broke my left wrist skateboarding when I was fourteen.',
  'We adopted two cats from a shelter last spring, Pepper and Salt.',
  'My favourite band is Radiohead; I saw them live in Prague in 2017.',
  'I am learning Japanese on weekends, mostly so I can read manga without translations.',
  'Our garden has tomatoes, basil and a lemon tree my father planted.',
  'I used to work as a night-shift nurse before switching to software.',
  'Every December we rent a cabin in the mountains and go cross-country skiing.',
  'I can not stand horror films, I sleep with the lights on afterwards.',
  'My grandfather was a sailor and told endless stories about the Arctic.',
];

export const cases: readonly RetrievalCase[] = [
  { question: 'В каком городе прошло твоё детство?', answer: 0 },
  { question: 'Ты занимаешься бегом? Как часто?', answer: 1 },
  { question: 'Какая у тебя порода питомца и как его зовут?', answer: 2 },
  { question: 'Что ты изучал, когда был студентом?', answer: 3 },
  { question: 'Какую зелень ты не переносишь?', answer: 4 },
  { question: 'Где вы проводили отпуск на воде?', answer: 5 },
  { question: 'Какой был твой первый автомобиль?', answer: 6 },
  { question: 'Какие писатели-фантасты тебе нравятся?', answer: 7 },
  { question: 'Чем занимается твой отдел?', answer: 8 },
  { question: 'Кто научил тебя выпечке?', answer: 9 },
  { question: 'Чего ты боишься?', answer: 10 },
  { question: 'Какое у тебя хобби по субботам и воскресеньям?', answer: 11 },
  { question: 'Does your kid play an instrument?', answer: 12 },
  { question: 'Why did you relocate to Portugal?', answer: 13 },
  { question: 'How much caffeine do you have daily?', answer: 14 },
  { question: 'Have you ever had a serious injury as a teenager?', answer: 15 },
  { question: 'Do you have any pets at home?', answer: 16 },
  { question: 'Which musicians do you like the most?', answer: 17 },
  { question: 'What foreign language are you studying?', answer: 18 },
  { question: 'What do you grow in your backyard?', answer: 19 },
  { question: 'What was your career before programming?', answer: 20 },
  { question: 'How do you spend the winter holidays?', answer: 21 },
  { question: 'What kind of movies do you avoid?', answer: 22 },
  { question: 'Was anyone in your family a seaman?', answer: 23 },
];
