package dev.baselinewatch.dataworks.model;

/**
 * Optional filters of {@code ListBaselineStatuses}; each is a comma-separated list as the API takes
 * it (e.g. {@code finishStatus = "UNFINISH"}, {@code priority = "7,8"}), null for no filter.
 */
public record StatusQuery(String finishStatus, String status, String priority, String owner, String baselineTypes, String searchText) {

    public static final StatusQuery ALL = new StatusQuery(null, null, null, null, null, null);

    public static StatusQuery unfinished() {
        return new StatusQuery("UNFINISH", null, null, null, null, null);
    }
}
