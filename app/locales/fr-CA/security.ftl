# security (fr-CA)

security-page-title = Sécurité
security-sessions-title = Où vous êtes connecté
security-this-device = Cet appareil
security-session-meta = IP { $ip } · connexion le { $created } · dernière activité le { $seen }
security-session-sign-out-label = Fermer la session { $device }
security-sign-out = Déconnecter
security-signing-out = Déconnexion en cours…
security-sign-out-others = Fermer toutes les autres sessions
security-no-other-sessions = Aucune autre session n'était ouverte.
security-signed-out-others = { $n ->
        [one] { $n } autre session a été fermée
       *[other] { $n } autres sessions ont été fermées
    }.
security-session-signed-out = Cette session a été fermée.
security-devices-title = Appareils mémorisés
security-devices-hint = Navigateurs que vous avez confirmés au moyen d'un code reçu par courriel, d'un lien d'activation ou d'une deuxième étape de connexion. Si vous en retirez un, il devra recevoir un nouveau code.
security-no-devices = Aucun appareil mémorisé.
security-device-meta = Autorisé le { $created } · dernière utilisation le { $used } · mémorisé jusqu'au { $expires }
security-remove-label = Retirer { $device }
security-remove = Retirer
security-history-title = Historique des connexions (90 derniers jours)
security-history-caption = Événements du compte, du plus récent au plus ancien
security-col-when = Date
security-col-event = Événement
security-col-result = Résultat
security-col-device = Appareil
security-col-ip = IP
security-result-ok = Réussi
security-result-failed = Échoué

# Historique des connexions : ce qui s'est passé (auth_events.kind).
event-login = Vérification du mot de passe
event-logout = Déconnexion
event-activate = Compte activé
event-register = Inscription
event-password-reset = Mot de passe réinitialisé
event-password-reset-requested = Réinitialisation du mot de passe demandée
event-device-authorised = Appareil autorisé
event-device-code = Code d'appareil
event-session-revoked = Session fermée par vous
event-device-revoked = Appareil retiré
event-link = Association d'un contrat
event-login-second-step = Deuxième étape de connexion
event-login-passkey = Connexion par clé d'accès
event-login-temporary = Connexion avec un mot de passe temporaire
event-temporary-login-setup = Identifiant créé à partir d'un mot de passe temporaire
event-temporary-login-setup-started = Configuration par mot de passe temporaire commencée
event-sign-in-methods-reset = Méthodes de connexion réinitialisées par notre personnel
event-reauthenticate = Identité confirmée
event-totp-enabled = Application d'authentification ajoutée
event-totp-disabled = Application d'authentification retirée
event-passkey-added = Clé d'accès ajoutée
event-passkey-removed = Clé d'accès retirée
event-recovery-codes-regenerated = Nouveaux codes de récupération
event-sign-in-code-changed = Paramètre du code de connexion modifié
event-profile-updated = Profil mis à jour
event-account-unlock = Connexion débloquée
event-sessions-ended-by-staff = Déconnecté partout par notre personnel
event-password-changed = Mot de passe modifié
event-email-change-requested = Changement de courriel demandé
event-email-changed = Courriel modifié
event-activation-resent = Courriel d'activation renvoyé
event-other = Événement du compte
# Deuxième étape de connexion réussie ou échouée, avec la méthode utilisée.
event-second-step = Connecté avec { $method }
event-method-passkey = clé d'accès
event-method-device-code = mot de passe + code d'appareil
event-method-one-time-code = mot de passe + code à usage unique
event-method-authenticator = mot de passe + application d'authentification
event-method-recovery-code = mot de passe + code de récupération
event-method-password = mot de passe
event-method-temporary-password = mot de passe temporaire
event-staff-sign-in = Connexion d'un membre du personnel
event-username-reminder = Rappel du nom d'utilisateur envoyé
event-phone-changed = Numéro de mobile modifié

## Browser names (proper nouns stay as they are)

agent-on = { $browser } sous { $os }
agent-unknown = Navigateur inconnu
agent-script = Script
