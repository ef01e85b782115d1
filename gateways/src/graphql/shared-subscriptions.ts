import { type DocumentNode, type ExecutionResult, execute, type GraphQLResolveInfo, Kind, print } from 'graphql';
import type { MercuriusContext } from 'mercurius';
import { type Fanout, FELL_BEHIND } from '../live/fanout.ts';
import { formatErrors } from './error-formatter.ts';
import { callerId } from './request-context.ts';
import type { SocketContext } from './subscription-sockets.ts';

/** A subscription's resolver context as Mercurius builds it: ours and Mercurius's, and the operation's id on its socket. */
export type SubscriptionContext = SocketContext & MercuriusContext & { readonly id?: unknown };

/** Bytes a subscriber's socket may hold unsent before it counts as fallen behind (≈ 10,000 tokens). */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** The graphql-ws protocol (graphql-transport-ws); the legacy subscriptions-transport-ws takes the general path. */
const GRAPHQL_TRANSPORT_WS = 'graphql-transport-ws';
const OPEN = 1;

/**
 * Many subscribers of one keyed live feed, with one GraphQL execution and one
 * serialisation per (item, shape) — shape being the user, the operation (with
 * its fragments) and its variables — and the same bytes sent to every socket
 * of that shape, in one synchronous loop over the item's key (e.g. a chat).
 * Per subscriber, all that is left is its operation id and the socket write.
 *
 * It answers graphql-ws `next` messages itself, byte for byte what Mercurius
 * sends (`{"type":"next","id":…,"payload":…}`, errors formatted alike), and
 * hands Mercurius an iterator that only ends: on `complete` or a closed socket
 * (its `return`) or with an error when the socket falls behind. Access checks
 * ran before, at subscribe time; the shape includes the user, so no result is
 * ever shared across users.
 */
export function createSharedSubscriptions<T>(feed: Fanout<T>) {
  const shapes = new Map<string, Shape>();

  function shapeFor(context: SubscriptionContext, info: GraphQLResolveInfo): { key: string; shape: Shape } {
    const document: DocumentNode = {
      kind: Kind.DOCUMENT,
      definitions: [info.operation, ...Object.values(info.fragments)],
    };
    // Coerced variables may hold BigInts (Position): keyed by their text.
    const key = JSON.stringify([callerId(context), print(document), info.variableValues], (_name, value) =>
      typeof value === 'bigint' ? `${value}n` : value,
    );
    const shape = shapes.get(key) ?? new Shape(document, info, context);
    shapes.set(key, shape);
    return { key, shape };
  }

  return {
    /**
     * Subscribes to the items of `key`, each resolved from `toRoot(item)` as the root value; undefined when the
     * subscription did not come over a graphql-ws socket (the caller then takes the general path).
     */
    subscribe(
      key: string,
      toRoot: (item: T) => unknown,
      context: SubscriptionContext,
      info: GraphQLResolveInfo,
    ): AsyncIterableIterator<never> | undefined {
      const socket = context.bishopSocket;
      if (socket?.protocol !== GRAPHQL_TRANSPORT_WS || typeof context.id !== 'string') return undefined;
      const prefix = `{"type":"next","id":${JSON.stringify(context.id)},"payload":`;
      const { key: shapeKey, shape } = shapeFor(context, info);
      shape.subscribers++;
      let sending: Promise<void> | undefined;
      const send = (payload: string) => {
        if (socket.readyState === OPEN) socket.send(`${prefix}${payload}}`);
      };
      const ending = endable(() => {
        stop();
        if (--shape.subscribers === 0 && shapes.get(shapeKey) === shape) shapes.delete(shapeKey);
      });
      const stop = feed.listen(key, (item) => {
        if (socket.readyState !== OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return ending.fail(new Error(FELL_BEHIND));
        try {
          const payload = shape.payloadOf(item, toRoot, context);
          // An execution that went async (none does today) still reaches this socket in order.
          if (typeof payload === 'string' && sending === undefined) send(payload);
          else sending = (sending ?? Promise.resolve()).then(async () => send(await payload)).catch(ending.fail);
        } catch (error) {
          // This subscriber ends with the error (as Mercurius reports it); the others still hear the item.
          ending.fail(error instanceof Error ? error : new Error(String(error)));
        }
      });
      return ending.iterator;
    },
  };
}

/** An execution's result, and its serialisation when it has no errors (errors are formatted per subscriber). */
interface Answer {
  readonly result: ExecutionResult;
  readonly text: string | undefined;
}

/** One shape of subscription: its document and variables, and the answer to the latest item. */
class Shape {
  subscribers = 0;
  #item: unknown;
  #answer: Answer | Promise<Answer> | undefined;
  readonly #document: DocumentNode;
  readonly #info: GraphQLResolveInfo;
  readonly #context: SubscriptionContext;

  constructor(document: DocumentNode, info: GraphQLResolveInfo, context: SubscriptionContext) {
    this.#document = document;
    this.#info = info;
    // Only the same user's subscriptions share a shape, and so this context.
    this.#context = context;
  }

  /** The `payload` of the `next` message for `item`, executed and serialised once however many sockets ask. */
  payloadOf<T>(item: T, toRoot: (item: T) => unknown, context: SubscriptionContext): string | Promise<string> {
    if (this.#item !== item || this.#answer === undefined) {
      this.#item = item;
      const result = execute({
        schema: this.#info.schema,
        document: this.#document,
        rootValue: toRoot(item),
        contextValue: this.#context,
        variableValues: this.#info.variableValues,
        operationName: this.#info.operation.name?.value,
      });
      this.#answer = result instanceof Promise ? result.then(answerOf) : answerOf(result);
    }
    const answer = this.#answer;
    return answer instanceof Promise ? answer.then((a) => payloadFor(a, context)) : payloadFor(answer, context);
  }
}

function answerOf(result: ExecutionResult): Answer {
  return { result, text: result.errors?.length ? undefined : JSON.stringify(result) };
}

/** As Mercurius answers an execution with errors: through the gateway's error formatter, with the subscriber's context. */
function payloadFor(answer: Answer, context: SubscriptionContext): string {
  if (answer.text !== undefined) return answer.text;
  const { data, errors = [] } = answer.result;
  return JSON.stringify(formatErrors({ data, errors }, context).response);
}

/** An iterator that yields nothing and settles only when it ends or fails. */
function endable(onEnd: () => void) {
  let ended = false;
  let failure: Error | undefined;
  let waiting: { resolve: (result: IteratorResult<never>) => void; reject: (error: Error) => void } | undefined;
  const end = () => {
    if (ended) return false;
    ended = true;
    onEnd();
    return true;
  };
  const iterator: AsyncIterableIterator<never> = {
    next: () =>
      failure
        ? Promise.reject(failure)
        : ended
          ? Promise.resolve({ value: undefined, done: true })
          : new Promise((resolve, reject) => {
              waiting = { resolve, reject };
            }),
    async return() {
      if (end()) waiting?.resolve({ value: undefined, done: true });
      return { value: undefined, done: true };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return {
    iterator,
    fail(error: Error): void {
      if (!end()) return;
      failure = error;
      waiting?.reject(error);
    },
  };
}
