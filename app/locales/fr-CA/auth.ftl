# auth (fr-CA)

## Page de connexion

login-title = Connexion
login-activated = Votre compte est maintenant actif. Veuillez vous connecter.
login-email-changed = Votre adresse courriel est modifiée. Connectez-vous avec la nouvelle adresse.
login-signed-out = Vous avez fermé votre session.
login-session-ended = Veuillez vous connecter pour continuer. Pour votre sécurité, les sessions prennent fin après 15 minutes d'inactivité.
login-resend-activation = Envoyer un nouveau lien d'activation
login-resend-sent = Si ce compte est en attente d'activation, un nouveau lien est en route.
login-email-label = Adresse courriel ou numéro de contrat
login-email-hint = N'utilisez votre numéro de contrat qu'avec un mot de passe temporaire fourni par nos soins.
login-password-label = Mot de passe
login-password-required = Entrez votre mot de passe.
login-submit = Se connecter
login-submit-busy = Connexion en cours…
login-or = ou
login-passkey = Se connecter avec une clé d'accès
login-passkey-waiting = En attente de votre clé d'accès…
login-forgot-password = Mot de passe oublié?
login-forgot-username = Nom d'utilisateur oublié?
# Suivi d'une espace et du lien login-create-link.
login-new-here = Première visite?
login-help = Un problème pour vous connecter? Centre d’aide
login-create-link = Créer votre identifiant

## Inscription

register-title = Créer votre identifiant
register-lead = Après cette étape, vous lierez votre contrat de financement. Ayez en main votre numéro d'identification du véhicule (NIV) complet et le montant de votre dernier paiement, ou le numéro de client inscrit sur votre carte de propriétaire.
# Suivi d'une espace et du lien register-sign-in-link.
register-already = Vous avez déjà un identifiant?
register-sign-in-link = Connectez-vous
register-done-title = Consultez vos courriels
# L'adresse courriel (en gras) se place entre register-done-sent-before et register-done-sent-after.
register-done-sent-before = Nous avons envoyé un lien d'activation à
register-done-sent-after = .
# Cite l'objet et le bouton du courriel d'activation.
register-done-open = Ouvrez le message « Activez l'accès à votre compte » et sélectionnez « Activer maintenant ». Le lien ne fonctionne qu'une fois et expire dans 24 heures.
register-done-no-email = Aucun courriel après quelques minutes? Vérifiez votre dossier de courrier indésirable, ou connectez-vous pour demander un nouveau lien.
register-done-go-sign-in = Aller à la connexion
register-required-note = Tous les champs sont obligatoires.
register-first-name = Prénom
register-last-name = Nom de famille
register-email-label = Adresse courriel (ce sera votre nom d'utilisateur)
register-password-label = Mot de passe
register-password-hint = Au moins { $min ->
        [one] { $min } caractère
       *[other] { $min } caractères
    }; { $rec } ou plus sont recommandés. Une phrase de quelques mots convient très bien.
# Compteur affiché sous le champ du mot de passe pendant la saisie.
register-password-count-short = { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    } — { $rec } ou plus sont recommandés.
register-password-count-good = { $n ->
        [one] { $n } caractère
       *[other] { $n } caractères
    } — bonne longueur.
register-confirm-label = Confirmez le mot de passe
# Champ piège caché pour les robots.
register-honeypot = Laissez ce champ vide
# Suivi d'une espace et du lien register-terms-link.
register-terms-before = J'ai lu et j'accepte les
register-terms-link = conditions d'utilisation
register-submit = S'inscrire maintenant
register-submit-busy = Création de votre identifiant…

## Page du lien d'activation

activate-title = Activer votre compte
activate-go-to-sign-in = Aller à la connexion
# Suit le lien activate-go-to-sign-in et une espace.
activate-error-after = — si votre compte n'est pas encore actif, vous pourrez y demander un nouveau lien.
activate-success = Votre compte est maintenant actif. Redirection vers la connexion…
activate-confirming = Confirmation de votre adresse courriel…
activate-submit = Activer mon compte
activate-submit-busy = Activation en cours…

## Mot de passe oublié

forgot-password-title = Mot de passe oublié?
# L'adresse courriel (en gras) se place entre les deux parties, après une espace.
forgot-password-sent-before = Si un compte utilise l'adresse
forgot-password-sent-after = , nous y avons envoyé un lien pour réinitialiser le mot de passe. Le lien expire dans 1 heure.
# Suivi d'une espace et du lien forgot-password-back.
forgot-password-no-email = Aucun courriel? Vérifiez votre dossier de courrier indésirable.
forgot-password-back = Retour à la connexion
forgot-password-intro = Entrez l'adresse courriel utilisée lors de votre inscription. Nous vous enverrons par courriel un lien pour choisir un nouveau mot de passe.
forgot-password-email-label = Adresse courriel
forgot-password-submit = Continuer
forgot-password-submit-busy = Envoi en cours…
forgot-password-which-email = Vous ne savez plus quelle adresse courriel vous avez utilisée?

## Réinitialisation du mot de passe

reset-title = Réinitialiser votre mot de passe
reset-done = Votre mot de passe a été réinitialisé. Pour votre sécurité, tous les appareils ont été déconnectés.
reset-sign-in = Se connecter
reset-new-link = Demander un nouveau lien
reset-password-label = Nouveau mot de passe
reset-password-hint = Au moins { $min ->
        [one] { $min } caractère
       *[other] { $min } caractères
    }; { $rec } ou plus sont recommandés.
reset-confirm-label = Confirmez le nouveau mot de passe
reset-submit = Réinitialiser votre mot de passe
reset-submit-busy = Enregistrement…

## Nom d'utilisateur oublié

forgot-username-title = Nom d'utilisateur oublié?
forgot-username-contract-required = Entrez votre numéro de contrat.
forgot-username-last-name-required = Entrez votre nom de famille.
forgot-username-sent = Si un identifiant est lié à ce contrat, nous avons envoyé son nom d'utilisateur par courriel à l'adresse qui y est associée.
forgot-username-back = Retour à la connexion
forgot-username-intro = Votre nom d'utilisateur est l'adresse courriel utilisée lors de votre inscription. Entrez votre numéro de contrat et votre nom de famille, et nous enverrons un rappel à cette adresse.
forgot-username-contract-label = Numéro de contrat
forgot-username-contract-hint = Il figure sur votre contrat et vos relevés, par exemple LN-2023-004512.
forgot-username-last-name-label = Nom de famille
forgot-username-submit = Envoyer un rappel
forgot-username-submit-busy = Envoi en cours…

## Page du lien de déverrouillage

unlock-title = Déverrouiller votre identifiant
unlock-done = Votre identifiant est déverrouillé. Vous pouvez maintenant vous connecter.
unlock-sign-in = Se connecter
unlock-reset-instead = Réinitialiser plutôt votre mot de passe
unlock-progress = Déverrouillage en cours…
unlock-submit = Déverrouiller mon identifiant
unlock-submit-busy = Déverrouillage…
