package dev.localgpt.ports.memory;

class InMemoryMemoryIndexTest extends MemoryIndexContract {
  @Override
  protected MemoryIndex newIndex() {
    return new InMemoryMemoryIndex();
  }
}
