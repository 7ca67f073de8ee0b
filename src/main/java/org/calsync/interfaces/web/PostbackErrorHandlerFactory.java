package org.calsync.interfaces.web;

import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

/**
 * A failed postback is answered with a redirect to the error page. Forwarding it, as the container's
 * error-page mapping does, would replay the POST and its stale view state on the error page itself, which
 * then fails to restore too. Errors on plain page loads keep the container's error pages and status codes.
 */
public class PostbackErrorHandlerFactory extends ExceptionHandlerFactory {

    public PostbackErrorHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new PostbackErrorHandler(getWrapped().getExceptionHandler());
    }

    static final class PostbackErrorHandler extends ExceptionHandlerWrapper {

        private static final Logger LOG = Logger.getLogger(PostbackErrorHandler.class.getName());

        PostbackErrorHandler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            FacesContext context = FacesContext.getCurrentInstance();
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            if (context != null && context.isPostback() && events.hasNext()) {
                Throwable error = events.next().getContext().getException();
                boolean expired = rootCause(error) instanceof ViewExpiredException;
                if (!expired) {
                    LOG.log(Level.SEVERE, "Unexpected error in a form submission", error);
                }
                events.remove();
                while (events.hasNext()) {
                    events.next();
                    events.remove();
                }
                redirect(context, expired ? "/error/expired.xhtml" : "/error/unexpected.xhtml");
            }
            getWrapped().handle();
        }

        private static Throwable rootCause(Throwable error) {
            Throwable cause = error;
            while (cause instanceof FacesException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }

        private static void redirect(FacesContext context, String page) {
            ExternalContext external = context.getExternalContext();
            try {
                external.redirect(external.getRequestContextPath() + page);
                context.responseComplete();
            } catch (IOException e) {
                throw new FacesException(e);
            }
        }
    }
}
