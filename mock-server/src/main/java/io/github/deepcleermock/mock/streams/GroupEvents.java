package io.github.deepcleermock.mock.streams;

/**
 * What other instances sharing the store did to the streams this instance opened; the simulation listens so that
 * it stops playing streams that are no longer ACTIVE.
 */
public interface GroupEvents {

  /** Hears nothing. */
  GroupEvents NONE =
      new GroupEvents() {
        @Override
        public void stoppedElsewhere(StreamRecord stream) {}

        @Override
        public void resetElsewhere() {}
      };

  /** Another instance closed, ended or removed {@code stream}, which this instance opened. */
  void stoppedElsewhere(StreamRecord stream);

  /** Another instance reset the group: every stream this instance opened is gone. */
  void resetElsewhere();
}
