/**
 * Right-to-left forms, pure: the left-to-right layout mirrored across the page's centre line, so questions
 * and lines are right-aligned, tick boxes sit on the reading side (right of their labels), faces run from
 * worst to best and 0-10 from 0 in reading direction (from the right). Applied inside `designForm`, so the
 * drawing and the recorded scan layout still come from one computation.
 */
import { PAGE, type Measure, type Op, type Rect } from './design.ts';

/** An op's mirror image: text keeps its width and ends where it used to start. */
export function mirrorOp(op: Op, measure: Measure): Op {
  const W = PAGE.width;
  switch (op.kind) {
    case 'text':
      return { ...op, x: W - op.x - measure(op.text, op.font, op.size) };
    case 'box':
    case 'tick':
      return { ...op, x: W - op.x - op.size };
    case 'face':
      return { ...op, cx: W - op.cx };
    case 'rect':
      return { ...op, x: W - op.x - op.w };
    case 'line':
      return { ...op, x1: W - op.x1, x2: W - op.x2 };
  }
}

/** A box's or area's mirror image. */
export const mirrorRect = <T extends Rect>(r: T): T => ({ ...r, x: PAGE.width - r.x - r.w });
