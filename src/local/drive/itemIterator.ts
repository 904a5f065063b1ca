// FileIterator and FolderIterator: hasNext/next over a list taken when the search ran.
import type { ServiceContext } from '../context';

export class ItemIterator<T> {
  private position = 0;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly items: T[],
  ) {}
  hasNext(): boolean {
    this.ctx.count('DriveApp', 'Iterator.hasNext');
    return this.position < this.items.length;
  }
  next(): T {
    this.ctx.count('DriveApp', 'Iterator.next');
    if (this.position >= this.items.length)
      throw this.ctx.error('Cannot retrieve the next object: iterator has reached the end.');
    return this.items[this.position++];
  }
  getContinuationToken(): string {
    return String(this.position);
  }
}
