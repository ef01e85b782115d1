// Calls restartWithHeapCap(argv[2]) and prints what the process became: the heap-cap test's subject.
import { heapLimitMb, restartWithHeapCap } from '../src/runtime/roles/heap-cap.ts';

restartWithHeapCap(Number(process.argv[2]), (message) => console.error(message));
console.log(JSON.stringify({ pid: process.pid, heapLimitMb: heapLimitMb(), execArgv: process.execArgv }));
