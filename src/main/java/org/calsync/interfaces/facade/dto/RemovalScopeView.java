package org.calsync.interfaces.facade.dto;

import java.io.Serializable;

/** What removing all of a person's calendar accounts would take: the accounts, and the events CalSync wrote there. */
public record RemovalScopeView(int accounts, int events) implements Serializable {
}
