package org.calsync.interfaces.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.EditableValueHolder;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;

import org.calsync.domain.shared.ConcurrentChanges;
import org.calsync.domain.shared.ConflictException;
import org.calsync.domain.shared.FieldError;
import org.calsync.domain.shared.InvalidInputException;
import org.calsync.domain.shared.RetryLaterException;
import org.calsync.domain.shared.UnknownEntityException;

/**
 * Shows domain errors as faces messages beside the fields they concern. A field error for "courseTitle"
 * lands on the component with id "courseTitle" in the given form, or at the top of the page when the
 * form has no such field.
 */
public final class FacesErrors {

    private FacesErrors() {
    }

    public static void show(String formId, RuntimeException error) {
        if (error instanceof InvalidInputException invalid) {
            invalid.errors().forEach(e -> addTo(formId, e));
        } else if (error instanceof ConflictException conflict) {
            addTo(formId, new FieldError(conflict.field(), conflict.text()));
        } else if (error instanceof RetryLaterException later) {
            global(FacesMessage.SEVERITY_ERROR, later.text().in(Texts.locale()));
        } else if (error instanceof UnknownEntityException) {
            global(FacesMessage.SEVERITY_ERROR, Texts.get("error.unknownItem"));
        } else if (ConcurrentChanges.isConcurrentChange(error)) {
            global(FacesMessage.SEVERITY_ERROR, Texts.get("error.concurrentChange"));
        } else {
            throw error;
        }
    }

    public static void global(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private static void addTo(String formId, FieldError error) {
        FacesContext context = FacesContext.getCurrentInstance();
        String clientId = formId + ":" + error.field();
        UIComponent form = context.getViewRoot().findComponent(formId);
        // A message shows beside an input; one about anything else (a table's selection) goes to the top of the page.
        boolean fieldExists = form != null && form.findComponent(error.field()) instanceof EditableValueHolder;
        FacesMessage message = new FacesMessage(FacesMessage.SEVERITY_ERROR, error.message(Texts.locale()), null);
        context.addMessage(fieldExists ? clientId : null, message);
        context.validationFailed();
    }
}
