package dev.baselinewatch.dataworks;

/** One DataWorks call, not made yet: what the readers' pacing and the enumerator's discovery each take and make when its turn comes. */
@FunctionalInterface
public interface ApiCall<T> {
    ApiAnswer<T> invoke() throws DataWorksException;
}
