import { describe, expect, it } from 'vitest';
import { ReplyAssembler } from '../src/lib/chat/reply-stream.ts';

const piece = (index: number, text: string, done = false) => ({ messageId: 'm1', index, text, done });

describe('reply assembler', () => {
  it('joins pieces in index order', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'Hel'));
    const reply = assembler.apply(piece(1, 'lo', true));
    expect(reply).toEqual({ text: 'Hello', started: true, done: true });
  });

  it('holds a piece that arrives early until the ones before it', () => {
    const assembler = new ReplyAssembler();
    expect(assembler.apply(piece(1, ' world'))).toEqual({ text: '', started: false, done: false });
    expect(assembler.apply(piece(0, 'Hello')).text).toBe('Hello world');
  });

  it('ignores a repeated piece (redelivery after a reconnect)', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'Да'));
    assembler.apply(piece(0, 'Да'));
    expect(assembler.apply(piece(1, ', конечно')).text).toBe('Да, конечно');
  });

  it('keeps replies to different messages apart', () => {
    const assembler = new ReplyAssembler();
    assembler.apply(piece(0, 'one'));
    assembler.apply({ messageId: 'm2', index: 0, text: 'two', done: false });
    expect(assembler.read('m1').text).toBe('one');
    expect(assembler.read('m2').text).toBe('two');
  });
});
