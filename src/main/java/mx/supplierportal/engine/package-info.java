/** The process engine's place in the application: its database schema and when it starts. */
package mx.supplierportal.engine;
