package org.calsync.interfaces.web.console;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.calsync.interfaces.facade.PeopleFacade;
import org.calsync.interfaces.facade.dto.PersonView;
import org.calsync.interfaces.web.CurrentUser;

@Named
@ViewScoped
public class PeopleList implements Serializable {

    @Inject
    private PeopleFacade people;

    @Inject
    private CurrentUser user;

    private List<PersonView> rows = List.of();

    public void load() {
        rows = people.list(user.getTenantId());
    }

    public List<PersonView> getRows() {
        return rows;
    }
}
