namespace Tracking.Identity.People;

public enum PersonStatus { Invited, Active, Deactivated }
